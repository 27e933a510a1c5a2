# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deleted_records_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_DeletedRecordsDialog(object):
    def setupUi(self, DeletedRecordsDialog):
        if not DeletedRecordsDialog.objectName():
            DeletedRecordsDialog.setObjectName(u"DeletedRecordsDialog")
        DeletedRecordsDialog.resize(820, 440)
        self.mainLayout = QVBoxLayout(DeletedRecordsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.hintLabel = QLabel(DeletedRecordsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.view = QTableView(DeletedRecordsDialog)
        self.view.setObjectName(u"view")
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)

        self.mainLayout.addWidget(self.view)

        self.statusLabel = QLabel(DeletedRecordsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.restoreButton = QPushButton(DeletedRecordsDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonRow.addWidget(self.restoreButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(DeletedRecordsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(DeletedRecordsDialog)

        QMetaObject.connectSlotsByName(DeletedRecordsDialog)
    # setupUi

    def retranslateUi(self, DeletedRecordsDialog):
        DeletedRecordsDialog.setWindowTitle(QCoreApplication.translate("DeletedRecordsDialog", u"\u5df2\u5220\u9664\u7684\u8bb0\u5f55", None))
        self.restoreButton.setText(QCoreApplication.translate("DeletedRecordsDialog", u"\u6062\u590d(&R)", None))
        self.closeButton.setText(QCoreApplication.translate("DeletedRecordsDialog", u"\u5173\u95ed", None))
    # retranslateUi

