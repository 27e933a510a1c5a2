# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from dualleader_desktop.ui.widgets.date_field import DateField

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(760, 480)
        self.mainLayout = QVBoxLayout(MemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.formGrid = QGridLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.formGrid.setHorizontalSpacing(10)
        self.formGrid.setVerticalSpacing(2)
        self.nameLabel = QLabel(MemberDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(MemberDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.nameError = QLabel(MemberDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setVisible(False)
        self.nameError.setWordWrap(True)

        self.formGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.idNumberLabel = QLabel(MemberDialog)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.formGrid.addWidget(self.idNumberLabel, 2, 0, 1, 1)

        self.idNumberEdit = QLineEdit(MemberDialog)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(22)

        self.formGrid.addWidget(self.idNumberEdit, 2, 1, 1, 1)

        self.idNumberError = QLabel(MemberDialog)
        self.idNumberError.setObjectName(u"idNumberError")
        self.idNumberError.setVisible(False)
        self.idNumberError.setWordWrap(True)

        self.formGrid.addWidget(self.idNumberError, 3, 1, 1, 1)

        self.genderLabel = QLabel(MemberDialog)
        self.genderLabel.setObjectName(u"genderLabel")

        self.formGrid.addWidget(self.genderLabel, 4, 0, 1, 1)

        self.genderCombo = QComboBox(MemberDialog)
        self.genderCombo.setObjectName(u"genderCombo")

        self.formGrid.addWidget(self.genderCombo, 4, 1, 1, 1)

        self.genderError = QLabel(MemberDialog)
        self.genderError.setObjectName(u"genderError")
        self.genderError.setVisible(False)
        self.genderError.setWordWrap(True)

        self.formGrid.addWidget(self.genderError, 5, 1, 1, 1)

        self.birthDateLabel = QLabel(MemberDialog)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.formGrid.addWidget(self.birthDateLabel, 6, 0, 1, 1)

        self.birthDateEdit = DateField(MemberDialog)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.formGrid.addWidget(self.birthDateEdit, 6, 1, 1, 1)

        self.birthDateError = QLabel(MemberDialog)
        self.birthDateError.setObjectName(u"birthDateError")
        self.birthDateError.setVisible(False)
        self.birthDateError.setWordWrap(True)

        self.formGrid.addWidget(self.birthDateError, 7, 1, 1, 1)

        self.ethnicityLabel = QLabel(MemberDialog)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.formGrid.addWidget(self.ethnicityLabel, 8, 0, 1, 1)

        self.ethnicityEdit = QLineEdit(MemberDialog)
        self.ethnicityEdit.setObjectName(u"ethnicityEdit")

        self.formGrid.addWidget(self.ethnicityEdit, 8, 1, 1, 1)

        self.ethnicityError = QLabel(MemberDialog)
        self.ethnicityError.setObjectName(u"ethnicityError")
        self.ethnicityError.setVisible(False)
        self.ethnicityError.setWordWrap(True)

        self.formGrid.addWidget(self.ethnicityError, 9, 1, 1, 1)

        self.nativePlaceLabel = QLabel(MemberDialog)
        self.nativePlaceLabel.setObjectName(u"nativePlaceLabel")

        self.formGrid.addWidget(self.nativePlaceLabel, 10, 0, 1, 1)

        self.nativePlaceEdit = QLineEdit(MemberDialog)
        self.nativePlaceEdit.setObjectName(u"nativePlaceEdit")

        self.formGrid.addWidget(self.nativePlaceEdit, 10, 1, 1, 1)

        self.nativePlaceError = QLabel(MemberDialog)
        self.nativePlaceError.setObjectName(u"nativePlaceError")
        self.nativePlaceError.setVisible(False)
        self.nativePlaceError.setWordWrap(True)

        self.formGrid.addWidget(self.nativePlaceError, 11, 1, 1, 1)

        self.phoneLabel = QLabel(MemberDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formGrid.addWidget(self.phoneLabel, 12, 0, 1, 1)

        self.phoneEdit = QLineEdit(MemberDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formGrid.addWidget(self.phoneEdit, 12, 1, 1, 1)

        self.phoneError = QLabel(MemberDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setVisible(False)
        self.phoneError.setWordWrap(True)

        self.formGrid.addWidget(self.phoneError, 13, 1, 1, 1)

        self.partyGroupIdLabel = QLabel(MemberDialog)
        self.partyGroupIdLabel.setObjectName(u"partyGroupIdLabel")

        self.formGrid.addWidget(self.partyGroupIdLabel, 0, 2, 1, 1)

        self.groupCombo = QComboBox(MemberDialog)
        self.groupCombo.setObjectName(u"groupCombo")

        self.formGrid.addWidget(self.groupCombo, 0, 3, 1, 1)

        self.partyGroupIdError = QLabel(MemberDialog)
        self.partyGroupIdError.setObjectName(u"partyGroupIdError")
        self.partyGroupIdError.setVisible(False)
        self.partyGroupIdError.setWordWrap(True)

        self.formGrid.addWidget(self.partyGroupIdError, 1, 3, 1, 1)

        self.categoryLabel = QLabel(MemberDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formGrid.addWidget(self.categoryLabel, 2, 2, 1, 1)

        self.categoryCombo = QComboBox(MemberDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.formGrid.addWidget(self.categoryCombo, 2, 3, 1, 1)

        self.categoryError = QLabel(MemberDialog)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setVisible(False)
        self.categoryError.setWordWrap(True)

        self.formGrid.addWidget(self.categoryError, 3, 3, 1, 1)

        self.joinedDateLabel = QLabel(MemberDialog)
        self.joinedDateLabel.setObjectName(u"joinedDateLabel")

        self.formGrid.addWidget(self.joinedDateLabel, 4, 2, 1, 1)

        self.joinedDateEdit = DateField(MemberDialog)
        self.joinedDateEdit.setObjectName(u"joinedDateEdit")

        self.formGrid.addWidget(self.joinedDateEdit, 4, 3, 1, 1)

        self.joinedDateError = QLabel(MemberDialog)
        self.joinedDateError.setObjectName(u"joinedDateError")
        self.joinedDateError.setVisible(False)
        self.joinedDateError.setWordWrap(True)

        self.formGrid.addWidget(self.joinedDateError, 5, 3, 1, 1)

        self.fullMemberDateLabel = QLabel(MemberDialog)
        self.fullMemberDateLabel.setObjectName(u"fullMemberDateLabel")

        self.formGrid.addWidget(self.fullMemberDateLabel, 6, 2, 1, 1)

        self.fullMemberDateEdit = DateField(MemberDialog)
        self.fullMemberDateEdit.setObjectName(u"fullMemberDateEdit")

        self.formGrid.addWidget(self.fullMemberDateEdit, 6, 3, 1, 1)

        self.fullMemberDateError = QLabel(MemberDialog)
        self.fullMemberDateError.setObjectName(u"fullMemberDateError")
        self.fullMemberDateError.setVisible(False)
        self.fullMemberDateError.setWordWrap(True)

        self.formGrid.addWidget(self.fullMemberDateError, 7, 3, 1, 1)

        self.educationLabel = QLabel(MemberDialog)
        self.educationLabel.setObjectName(u"educationLabel")

        self.formGrid.addWidget(self.educationLabel, 8, 2, 1, 1)

        self.educationCombo = QComboBox(MemberDialog)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setEditable(True)

        self.formGrid.addWidget(self.educationCombo, 8, 3, 1, 1)

        self.educationError = QLabel(MemberDialog)
        self.educationError.setObjectName(u"educationError")
        self.educationError.setVisible(False)
        self.educationError.setWordWrap(True)

        self.formGrid.addWidget(self.educationError, 9, 3, 1, 1)

        self.degreeLabel = QLabel(MemberDialog)
        self.degreeLabel.setObjectName(u"degreeLabel")

        self.formGrid.addWidget(self.degreeLabel, 10, 2, 1, 1)

        self.degreeCombo = QComboBox(MemberDialog)
        self.degreeCombo.setObjectName(u"degreeCombo")
        self.degreeCombo.setEditable(True)

        self.formGrid.addWidget(self.degreeCombo, 10, 3, 1, 1)

        self.degreeError = QLabel(MemberDialog)
        self.degreeError.setObjectName(u"degreeError")
        self.degreeError.setVisible(False)
        self.degreeError.setWordWrap(True)

        self.formGrid.addWidget(self.degreeError, 11, 3, 1, 1)

        self.titleLabel = QLabel(MemberDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formGrid.addWidget(self.titleLabel, 12, 2, 1, 1)

        self.titleCombo = QComboBox(MemberDialog)
        self.titleCombo.setObjectName(u"titleCombo")
        self.titleCombo.setEditable(True)

        self.formGrid.addWidget(self.titleCombo, 12, 3, 1, 1)

        self.titleError = QLabel(MemberDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setVisible(False)
        self.titleError.setWordWrap(True)

        self.formGrid.addWidget(self.titleError, 13, 3, 1, 1)

        self.postLabel = QLabel(MemberDialog)
        self.postLabel.setObjectName(u"postLabel")

        self.formGrid.addWidget(self.postLabel, 14, 0, 1, 1)

        self.postEdit = QLineEdit(MemberDialog)
        self.postEdit.setObjectName(u"postEdit")

        self.formGrid.addWidget(self.postEdit, 14, 1, 1, 3)

        self.postError = QLabel(MemberDialog)
        self.postError.setObjectName(u"postError")
        self.postError.setVisible(False)
        self.postError.setWordWrap(True)

        self.formGrid.addWidget(self.postError, 15, 1, 1, 3)

        self.departmentLabel = QLabel(MemberDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.formGrid.addWidget(self.departmentLabel, 16, 0, 1, 1)

        self.departmentEdit = QLineEdit(MemberDialog)
        self.departmentEdit.setObjectName(u"departmentEdit")

        self.formGrid.addWidget(self.departmentEdit, 16, 1, 1, 3)

        self.departmentError = QLabel(MemberDialog)
        self.departmentError.setObjectName(u"departmentError")
        self.departmentError.setVisible(False)
        self.departmentError.setWordWrap(True)

        self.formGrid.addWidget(self.departmentError, 17, 1, 1, 3)

        self.remarksLabel = QLabel(MemberDialog)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.formGrid.addWidget(self.remarksLabel, 18, 0, 1, 1)

        self.remarksEdit = QPlainTextEdit(MemberDialog)
        self.remarksEdit.setObjectName(u"remarksEdit")
        self.remarksEdit.setMaximumHeight(56)

        self.formGrid.addWidget(self.remarksEdit, 18, 1, 1, 3)

        self.remarksError = QLabel(MemberDialog)
        self.remarksError.setObjectName(u"remarksError")
        self.remarksError.setVisible(False)
        self.remarksError.setWordWrap(True)

        self.formGrid.addWidget(self.remarksError, 19, 1, 1, 3)

        self.formGrid.setColumnStretch(1, 1)
        self.formGrid.setColumnStretch(3, 1)

        self.topLayout.addLayout(self.formGrid)

        self.photoLayout = QVBoxLayout()
        self.photoLayout.setObjectName(u"photoLayout")
        self.photoView = QLabel(MemberDialog)
        self.photoView.setObjectName(u"photoView")
        self.photoView.setMinimumSize(QSize(100, 140))
        self.photoView.setMaximumSize(QSize(100, 140))
        self.photoView.setFrameShape(QFrame.Box)
        self.photoView.setAlignment(Qt.AlignCenter)

        self.photoLayout.addWidget(self.photoView)

        self.choosePhotoButton = QPushButton(MemberDialog)
        self.choosePhotoButton.setObjectName(u"choosePhotoButton")

        self.photoLayout.addWidget(self.choosePhotoButton)

        self.removePhotoButton = QPushButton(MemberDialog)
        self.removePhotoButton.setObjectName(u"removePhotoButton")

        self.photoLayout.addWidget(self.removePhotoButton)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.photoLayout.addItem(self.photoSpacer)


        self.topLayout.addLayout(self.photoLayout)


        self.mainLayout.addLayout(self.topLayout)

        self.transferBox = QGroupBox(MemberDialog)
        self.transferBox.setObjectName(u"transferBox")
        self.transferBox.setVisible(False)
        self.transferGrid = QGridLayout(self.transferBox)
        self.transferGrid.setObjectName(u"transferGrid")
        self.transferGrid.setHorizontalSpacing(10)
        self.transferGrid.setVerticalSpacing(2)
        self.transferDateLabel = QLabel(self.transferBox)
        self.transferDateLabel.setObjectName(u"transferDateLabel")

        self.transferGrid.addWidget(self.transferDateLabel, 0, 0, 1, 1)

        self.transferDateEdit = DateField(self.transferBox)
        self.transferDateEdit.setObjectName(u"transferDateEdit")

        self.transferGrid.addWidget(self.transferDateEdit, 0, 1, 1, 1)

        self.transferDateError = QLabel(self.transferBox)
        self.transferDateError.setObjectName(u"transferDateError")
        self.transferDateError.setVisible(False)
        self.transferDateError.setWordWrap(True)

        self.transferGrid.addWidget(self.transferDateError, 1, 1, 1, 1)

        self.otherOrgLabel = QLabel(self.transferBox)
        self.otherOrgLabel.setObjectName(u"otherOrgLabel")

        self.transferGrid.addWidget(self.otherOrgLabel, 0, 2, 1, 1)

        self.otherOrgEdit = QLineEdit(self.transferBox)
        self.otherOrgEdit.setObjectName(u"otherOrgEdit")
        self.otherOrgEdit.setMaxLength(100)

        self.transferGrid.addWidget(self.otherOrgEdit, 0, 3, 1, 1)

        self.otherOrgError = QLabel(self.transferBox)
        self.otherOrgError.setObjectName(u"otherOrgError")
        self.otherOrgError.setVisible(False)
        self.otherOrgError.setWordWrap(True)

        self.transferGrid.addWidget(self.otherOrgError, 1, 3, 1, 1)

        self.transferNoteLabel = QLabel(self.transferBox)
        self.transferNoteLabel.setObjectName(u"transferNoteLabel")

        self.transferGrid.addWidget(self.transferNoteLabel, 2, 0, 1, 1)

        self.transferNoteEdit = QLineEdit(self.transferBox)
        self.transferNoteEdit.setObjectName(u"transferNoteEdit")

        self.transferGrid.addWidget(self.transferNoteEdit, 2, 1, 1, 3)

        self.transferGrid.setColumnStretch(1, 1)
        self.transferGrid.setColumnStretch(3, 1)

        self.mainLayout.addWidget(self.transferBox)

        self.transfersLabel = QLabel(MemberDialog)
        self.transfersLabel.setObjectName(u"transfersLabel")
        self.transfersLabel.setWordWrap(True)
        self.transfersLabel.setVisible(False)

        self.mainLayout.addWidget(self.transfersLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.idNumberLabel.setBuddy(self.idNumberEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.birthDateLabel.setBuddy(self.birthDateEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.joinedDateLabel.setBuddy(self.joinedDateEdit)
        self.fullMemberDateLabel.setBuddy(self.fullMemberDateEdit)
        self.transferDateLabel.setBuddy(self.transferDateEdit)
        self.otherOrgLabel.setBuddy(self.otherOrgEdit)
        self.transferNoteLabel.setBuddy(self.transferNoteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.idNumberEdit)
        QWidget.setTabOrder(self.idNumberEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.ethnicityEdit)
        QWidget.setTabOrder(self.ethnicityEdit, self.nativePlaceEdit)
        QWidget.setTabOrder(self.nativePlaceEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.joinedDateEdit)
        QWidget.setTabOrder(self.joinedDateEdit, self.fullMemberDateEdit)
        QWidget.setTabOrder(self.fullMemberDateEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.degreeCombo)
        QWidget.setTabOrder(self.degreeCombo, self.titleCombo)
        QWidget.setTabOrder(self.titleCombo, self.postEdit)
        QWidget.setTabOrder(self.postEdit, self.departmentEdit)
        QWidget.setTabOrder(self.departmentEdit, self.remarksEdit)
        QWidget.setTabOrder(self.remarksEdit, self.transferDateEdit)
        QWidget.setTabOrder(self.transferDateEdit, self.otherOrgEdit)
        QWidget.setTabOrder(self.otherOrgEdit, self.transferNoteEdit)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u515a\u5458\u6863\u6848", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberDialog", u"\u59d3\u540d(&N)", None))
        self.idNumberLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8eab\u4efd\u8bc1\u53f7(&I)", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"18 \u4f4d\uff0c\u6700\u540e\u4e00\u4f4d\u53ef\u4e3a X", None))
        self.genderLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6027\u522b(&G)", None))
        self.birthDateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u51fa\u751f\u65e5\u671f(&B)", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u586b\u8eab\u4efd\u8bc1\u53f7\u540e\u81ea\u52a8\u586b\u5165", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6c11\u65cf", None))
        self.ethnicityEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982\uff1a\u6c49\u65cf", None))
        self.nativePlaceLabel.setText(QCoreApplication.translate("MemberDialog", u"\u7c4d\u8d2f", None))
        self.nativePlaceEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982\uff1a\u6c5f\u897f\u5357\u660c", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8054\u7cfb\u7535\u8bdd(&P)", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u624b\u673a\u53f7\u6216\u5e26\u533a\u53f7\u7684\u56fa\u5b9a\u7535\u8bdd", None))
        self.partyGroupIdLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u5c0f\u7ec4", None))
        self.categoryLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u5458\u7c7b\u522b(&C)", None))
        self.joinedDateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5165\u515a\u65f6\u95f4(&J)", None))
        self.joinedDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982 2012-06-30\uff0c\u6216\u53ea\u586b\u5230\u6708 2012.06", None))
        self.fullMemberDateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8f6c\u6b63\u65f6\u95f4(&F)", None))
        self.fullMemberDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u672a\u8f6c\u6b63\u6216\u4e0d\u8be6\u7684\u7559\u7a7a", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5b66\u5386", None))
        self.degreeLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5b66\u4f4d", None))
        self.titleLabel.setText(QCoreApplication.translate("MemberDialog", u"\u804c\u79f0", None))
        self.postLabel.setText(QCoreApplication.translate("MemberDialog", u"\u804c\u52a1", None))
        self.departmentLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6240\u5728\u90e8\u95e8", None))
        self.departmentEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u6240\u5728\u90e8\u95e8\u6216\u6559\u7814\u5ba4", None))
        self.remarksLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5907\u6ce8", None))
        self.photoView.setText(QCoreApplication.translate("MemberDialog", u"\u65e0\u7167\u7247", None))
#if QT_CONFIG(tooltip)
        self.photoView.setToolTip(QCoreApplication.translate("MemberDialog", u"\u4e00\u5bf8\u514d\u51a0\u7167\u7247\uff0c\u6253\u5370\u5728\u515a\u5458\u4fe1\u606f\u91c7\u96c6\u8868\u4e0a", None))
#endif // QT_CONFIG(tooltip)
        self.choosePhotoButton.setText(QCoreApplication.translate("MemberDialog", u"\u9009\u62e9\u7167\u7247(&P)\u2026", None))
        self.removePhotoButton.setText(QCoreApplication.translate("MemberDialog", u"\u5220\u9664\u7167\u7247", None))
        self.transferBox.setTitle(QCoreApplication.translate("MemberDialog", u"\u7ec4\u7ec7\u5173\u7cfb\u8f6c\u5165\uff08\u81ea\u8f6c\u5165\u65e5\u671f\u8d77\u8ba1\u5165\u672c\u652f\u90e8\u540d\u518c\u548c\u4f1a\u8bae\u5e94\u5230\u4eba\u5458\uff09", None))
        self.transferDateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8f6c\u5165\u65e5\u671f(&T)", None))
        self.transferDateEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u672c\u652f\u90e8\u63a5\u6536\u7ec4\u7ec7\u5173\u7cfb\u7684\u65e5\u671f", None))
        self.otherOrgLabel.setText(QCoreApplication.translate("MemberDialog", u"\u539f\u6240\u5728\u515a\u7ec4\u7ec7(&O)", None))
        self.otherOrgEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u8f6c\u51fa\u7ec4\u7ec7\u5173\u7cfb\u7684\u515a\u7ec4\u7ec7\u5168\u79f0", None))
        self.transferNoteLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8bf4\u660e", None))
        self.transferNoteEdit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982\uff1a\u4ecb\u7ecd\u4fe1\u7f16\u53f7\u3001\u8f6c\u5165\u539f\u56e0\uff08\u53ef\u4e0d\u586b\uff09", None))
    # retranslateUi

