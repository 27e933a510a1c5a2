# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'evaluation_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QSplitter, QTabWidget,
    QToolButton, QVBoxLayout, QWidget)

from dualleader_desktop.ui.pages.evaluation_grid import EvaluationGrid
from dualleader_desktop.ui.widgets.date_field import DateField

class Ui_EvaluationPage(object):
    def setupUi(self, EvaluationPage):
        if not EvaluationPage.objectName():
            EvaluationPage.setObjectName(u"EvaluationPage")
        EvaluationPage.resize(1140, 700)
        self.pageLayout = QVBoxLayout(EvaluationPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.yearLabel = QLabel(EvaluationPage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.topBar.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(EvaluationPage)
        self.yearCombo.setObjectName(u"yearCombo")

        self.topBar.addWidget(self.yearCombo)

        self.statusLabel = QLabel(EvaluationPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.topBar.addWidget(self.statusLabel)

        self.topSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topBar.addItem(self.topSpacer)

        self.saveButton = QPushButton(EvaluationPage)
        self.saveButton.setObjectName(u"saveButton")

        self.topBar.addWidget(self.saveButton)

        self.documentsButton = QPushButton(EvaluationPage)
        self.documentsButton.setObjectName(u"documentsButton")

        self.topBar.addWidget(self.documentsButton)

        self.exportSheetButton = QPushButton(EvaluationPage)
        self.exportSheetButton.setObjectName(u"exportSheetButton")

        self.topBar.addWidget(self.exportSheetButton)

        self.importSheetButton = QPushButton(EvaluationPage)
        self.importSheetButton.setObjectName(u"importSheetButton")

        self.topBar.addWidget(self.importSheetButton)


        self.pageLayout.addLayout(self.topBar)

        self.tabs = QTabWidget(EvaluationPage)
        self.tabs.setObjectName(u"tabs")
        self.evaluationTab = QWidget()
        self.evaluationTab.setObjectName(u"evaluationTab")
        self.evaluationLayout = QVBoxLayout(self.evaluationTab)
        self.evaluationLayout.setSpacing(4)
        self.evaluationLayout.setObjectName(u"evaluationLayout")
        self.evaluationLayout.setContentsMargins(6, 4, 6, 6)
        self.stepsBox = QWidget(self.evaluationTab)
        self.stepsBox.setObjectName(u"stepsBox")
        self.stepsLayout = QVBoxLayout(self.stepsBox)
        self.stepsLayout.setSpacing(2)
        self.stepsLayout.setObjectName(u"stepsLayout")
        self.stepsLayout.setContentsMargins(0, 0, 0, 0)
        self.stepsHeader = QHBoxLayout()
        self.stepsHeader.setObjectName(u"stepsHeader")
        self.stepsToggle = QToolButton(self.stepsBox)
        self.stepsToggle.setObjectName(u"stepsToggle")
        self.stepsToggle.setCheckable(True)
        self.stepsToggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.stepsToggle.setAutoRaise(True)
        self.stepsToggle.setArrowType(Qt.ArrowType.RightArrow)

        self.stepsHeader.addWidget(self.stepsToggle)

        self.stepsSummary = QLabel(self.stepsBox)
        self.stepsSummary.setObjectName(u"stepsSummary")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.stepsSummary.sizePolicy().hasHeightForWidth())
        self.stepsSummary.setSizePolicy(sizePolicy)
        self.stepsSummary.setStyleSheet(u"color: #555;")

        self.stepsHeader.addWidget(self.stepsSummary)

        self.stepsHeader.setStretch(1, 1)

        self.stepsLayout.addLayout(self.stepsHeader)

        self.stepsBody = QGroupBox(self.stepsBox)
        self.stepsBody.setObjectName(u"stepsBody")
        self.stepsGrid = QGridLayout(self.stepsBody)
        self.stepsGrid.setObjectName(u"stepsGrid")
        self.stepsGrid.setVerticalSpacing(4)
        self.mobilizeLabel = QLabel(self.stepsBody)
        self.mobilizeLabel.setObjectName(u"mobilizeLabel")

        self.stepsGrid.addWidget(self.mobilizeLabel, 0, 0, 1, 1)

        self.mobilizeDate = DateField(self.stepsBody)
        self.mobilizeDate.setObjectName(u"mobilizeDate")
        self.mobilizeDate.setMinimumSize(QSize(128, 0))
        self.mobilizeDate.setMaximumSize(QSize(136, 16777215))

        self.stepsGrid.addWidget(self.mobilizeDate, 0, 1, 1, 1)

        self.mobilizeMeeting = QComboBox(self.stepsBody)
        self.mobilizeMeeting.setObjectName(u"mobilizeMeeting")
        self.mobilizeMeeting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mobilizeMeeting.setMinimumContentsLength(9)

        self.stepsGrid.addWidget(self.mobilizeMeeting, 0, 2, 1, 1)

        self.mobilizeNew = QPushButton(self.stepsBody)
        self.mobilizeNew.setObjectName(u"mobilizeNew")

        self.stepsGrid.addWidget(self.mobilizeNew, 0, 3, 1, 1)

        self.selfReviewLabel = QLabel(self.stepsBody)
        self.selfReviewLabel.setObjectName(u"selfReviewLabel")

        self.stepsGrid.addWidget(self.selfReviewLabel, 1, 0, 1, 1)

        self.selfReviewDate = DateField(self.stepsBody)
        self.selfReviewDate.setObjectName(u"selfReviewDate")
        self.selfReviewDate.setMinimumSize(QSize(128, 0))
        self.selfReviewDate.setMaximumSize(QSize(136, 16777215))

        self.stepsGrid.addWidget(self.selfReviewDate, 1, 1, 1, 1)

        self.selfReviewHint = QLabel(self.stepsBody)
        self.selfReviewHint.setObjectName(u"selfReviewHint")
        self.selfReviewHint.setStyleSheet(u"color: #555;")

        self.stepsGrid.addWidget(self.selfReviewHint, 1, 2, 1, 2)

        self.pollLabel = QLabel(self.stepsBody)
        self.pollLabel.setObjectName(u"pollLabel")

        self.stepsGrid.addWidget(self.pollLabel, 2, 0, 1, 1)

        self.pollDate = DateField(self.stepsBody)
        self.pollDate.setObjectName(u"pollDate")
        self.pollDate.setMinimumSize(QSize(128, 0))
        self.pollDate.setMaximumSize(QSize(136, 16777215))

        self.stepsGrid.addWidget(self.pollDate, 2, 1, 1, 1)

        self.pollMeeting = QComboBox(self.stepsBody)
        self.pollMeeting.setObjectName(u"pollMeeting")
        self.pollMeeting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pollMeeting.setMinimumContentsLength(9)

        self.stepsGrid.addWidget(self.pollMeeting, 2, 2, 1, 1)

        self.pollNew = QPushButton(self.stepsBody)
        self.pollNew.setObjectName(u"pollNew")

        self.stepsGrid.addWidget(self.pollNew, 2, 3, 1, 1)

        self.proposeLabel = QLabel(self.stepsBody)
        self.proposeLabel.setObjectName(u"proposeLabel")

        self.stepsGrid.addWidget(self.proposeLabel, 3, 0, 1, 1)

        self.proposeDate = DateField(self.stepsBody)
        self.proposeDate.setObjectName(u"proposeDate")
        self.proposeDate.setMinimumSize(QSize(128, 0))
        self.proposeDate.setMaximumSize(QSize(136, 16777215))

        self.stepsGrid.addWidget(self.proposeDate, 3, 1, 1, 1)

        self.proposeMeeting = QComboBox(self.stepsBody)
        self.proposeMeeting.setObjectName(u"proposeMeeting")
        self.proposeMeeting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.proposeMeeting.setMinimumContentsLength(9)

        self.stepsGrid.addWidget(self.proposeMeeting, 3, 2, 1, 1)

        self.proposeNew = QPushButton(self.stepsBody)
        self.proposeNew.setObjectName(u"proposeNew")

        self.stepsGrid.addWidget(self.proposeNew, 3, 3, 1, 1)

        self.stepsGap = QSpacerItem(16, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.stepsGrid.addItem(self.stepsGap, 0, 4, 1, 1)

        self.decideLabel = QLabel(self.stepsBody)
        self.decideLabel.setObjectName(u"decideLabel")

        self.stepsGrid.addWidget(self.decideLabel, 0, 5, 1, 1)

        self.decideDate = DateField(self.stepsBody)
        self.decideDate.setObjectName(u"decideDate")
        self.decideDate.setMinimumSize(QSize(128, 0))
        self.decideDate.setMaximumSize(QSize(136, 16777215))

        self.stepsGrid.addWidget(self.decideDate, 0, 6, 1, 1)

        self.decideMeeting = QComboBox(self.stepsBody)
        self.decideMeeting.setObjectName(u"decideMeeting")
        self.decideMeeting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.decideMeeting.setMinimumContentsLength(9)

        self.stepsGrid.addWidget(self.decideMeeting, 0, 7, 1, 1)

        self.decideNew = QPushButton(self.stepsBody)
        self.decideNew.setObjectName(u"decideNew")

        self.stepsGrid.addWidget(self.decideNew, 0, 8, 1, 1)

        self.noticeLabel = QLabel(self.stepsBody)
        self.noticeLabel.setObjectName(u"noticeLabel")

        self.stepsGrid.addWidget(self.noticeLabel, 1, 5, 1, 1)

        self.noticeDate = DateField(self.stepsBody)
        self.noticeDate.setObjectName(u"noticeDate")
        self.noticeDate.setMinimumSize(QSize(128, 0))
        self.noticeDate.setMaximumSize(QSize(136, 16777215))

        self.stepsGrid.addWidget(self.noticeDate, 1, 6, 1, 1)

        self.noticeUntilRow = QHBoxLayout()
        self.noticeUntilRow.setObjectName(u"noticeUntilRow")
        self.noticeUntilLabel = QLabel(self.stepsBody)
        self.noticeUntilLabel.setObjectName(u"noticeUntilLabel")

        self.noticeUntilRow.addWidget(self.noticeUntilLabel)

        self.noticeUntil = DateField(self.stepsBody)
        self.noticeUntil.setObjectName(u"noticeUntil")
        self.noticeUntil.setMinimumSize(QSize(128, 0))
        self.noticeUntil.setMaximumSize(QSize(136, 16777215))

        self.noticeUntilRow.addWidget(self.noticeUntil)

        self.noticeUntilSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.noticeUntilRow.addItem(self.noticeUntilSpacer)


        self.stepsGrid.addLayout(self.noticeUntilRow, 1, 7, 1, 2)

        self.fileLabel = QLabel(self.stepsBody)
        self.fileLabel.setObjectName(u"fileLabel")

        self.stepsGrid.addWidget(self.fileLabel, 2, 5, 1, 1)

        self.fileDate = DateField(self.stepsBody)
        self.fileDate.setObjectName(u"fileDate")
        self.fileDate.setMinimumSize(QSize(128, 0))
        self.fileDate.setMaximumSize(QSize(136, 16777215))

        self.stepsGrid.addWidget(self.fileDate, 2, 6, 1, 1)

        self.ballotsCastLabel = QLabel(self.stepsBody)
        self.ballotsCastLabel.setObjectName(u"ballotsCastLabel")

        self.stepsGrid.addWidget(self.ballotsCastLabel, 3, 5, 1, 1)

        self.ballotsCastSpin = QSpinBox(self.stepsBody)
        self.ballotsCastSpin.setObjectName(u"ballotsCastSpin")
        self.ballotsCastSpin.setMaximum(9999)

        self.stepsGrid.addWidget(self.ballotsCastSpin, 3, 6, 1, 1)

        self.ballotsCastHint = QLabel(self.stepsBody)
        self.ballotsCastHint.setObjectName(u"ballotsCastHint")
        self.ballotsCastHint.setWordWrap(True)
        self.ballotsCastHint.setStyleSheet(u"color: #555;")

        self.stepsGrid.addWidget(self.ballotsCastHint, 3, 7, 1, 2)

        self.notesLabel = QLabel(self.stepsBody)
        self.notesLabel.setObjectName(u"notesLabel")

        self.stepsGrid.addWidget(self.notesLabel, 4, 0, 1, 1)

        self.notesEdit = QLineEdit(self.stepsBody)
        self.notesEdit.setObjectName(u"notesEdit")

        self.stepsGrid.addWidget(self.notesEdit, 4, 1, 1, 8)

        self.stepsGrid.setColumnStretch(2, 1)
        self.stepsGrid.setColumnStretch(7, 1)

        self.stepsLayout.addWidget(self.stepsBody)


        self.evaluationLayout.addWidget(self.stepsBox)

        self.gridSplitter = QSplitter(self.evaluationTab)
        self.gridSplitter.setObjectName(u"gridSplitter")
        self.gridSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.gridSplitter.setChildrenCollapsible(False)
        self.gridPanel = QWidget(self.gridSplitter)
        self.gridPanel.setObjectName(u"gridPanel")
        self.gridPanelLayout = QVBoxLayout(self.gridPanel)
        self.gridPanelLayout.setSpacing(4)
        self.gridPanelLayout.setObjectName(u"gridPanelLayout")
        self.gridPanelLayout.setContentsMargins(0, 0, 0, 0)
        self.gridTools = QHBoxLayout()
        self.gridTools.setObjectName(u"gridTools")
        self.ballotEntryButton = QPushButton(self.gridPanel)
        self.ballotEntryButton.setObjectName(u"ballotEntryButton")

        self.gridTools.addWidget(self.ballotEntryButton)

        self.clearPapersButton = QPushButton(self.gridPanel)
        self.clearPapersButton.setObjectName(u"clearPapersButton")

        self.gridTools.addWidget(self.clearPapersButton)

        self.fillButton = QPushButton(self.gridPanel)
        self.fillButton.setObjectName(u"fillButton")

        self.gridTools.addWidget(self.fillButton)

        self.papersLabel = QLabel(self.gridPanel)
        self.papersLabel.setObjectName(u"papersLabel")
        self.papersLabel.setStyleSheet(u"color: #555;")

        self.gridTools.addWidget(self.papersLabel)

        self.gridToolsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.gridTools.addItem(self.gridToolsSpacer)

        self.shareLabel = QLabel(self.gridPanel)
        self.shareLabel.setObjectName(u"shareLabel")

        self.gridTools.addWidget(self.shareLabel)

        self.shareCombo = QComboBox(self.gridPanel)
        self.shareCombo.setObjectName(u"shareCombo")

        self.gridTools.addWidget(self.shareCombo)


        self.gridPanelLayout.addLayout(self.gridTools)

        self.gridView = EvaluationGrid(self.gridPanel)
        self.gridView.setObjectName(u"gridView")

        self.gridPanelLayout.addWidget(self.gridView)

        self.gridSplitter.addWidget(self.gridPanel)
        self.sidePanel = QWidget(self.gridSplitter)
        self.sidePanel.setObjectName(u"sidePanel")
        self.sidePanelLayout = QVBoxLayout(self.sidePanel)
        self.sidePanelLayout.setObjectName(u"sidePanelLayout")
        self.sidePanelLayout.setContentsMargins(0, 0, 0, 0)
        self.checksRow = QHBoxLayout()
        self.checksRow.setObjectName(u"checksRow")
        self.checksLabel = QLabel(self.sidePanel)
        self.checksLabel.setObjectName(u"checksLabel")
        self.checksLabel.setStyleSheet(u"font-weight: bold;")

        self.checksRow.addWidget(self.checksLabel)

        self.checksSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.checksRow.addItem(self.checksSpacer)

        self.explainButton = QPushButton(self.sidePanel)
        self.explainButton.setObjectName(u"explainButton")

        self.checksRow.addWidget(self.explainButton)


        self.sidePanelLayout.addLayout(self.checksRow)

        self.warningsList = QListWidget(self.sidePanel)
        self.warningsList.setObjectName(u"warningsList")
        self.warningsList.setMinimumSize(QSize(0, 40))
        self.warningsList.setWordWrap(True)

        self.sidePanelLayout.addWidget(self.warningsList)

        self.memberScroll = QScrollArea(self.sidePanel)
        self.memberScroll.setObjectName(u"memberScroll")
        self.memberScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.memberScroll.setWidgetResizable(True)
        self.memberScrollContents = QWidget()
        self.memberScrollContents.setObjectName(u"memberScrollContents")
        self.memberScrollLayout = QVBoxLayout(self.memberScrollContents)
        self.memberScrollLayout.setObjectName(u"memberScrollLayout")
        self.memberScrollLayout.setContentsMargins(0, 0, 0, 0)
        self.memberBox = QGroupBox(self.memberScrollContents)
        self.memberBox.setObjectName(u"memberBox")
        self.memberForm = QFormLayout(self.memberBox)
        self.memberForm.setObjectName(u"memberForm")
        self.memberForm.setVerticalSpacing(4)
        self.memberSelfReviewLabel = QLabel(self.memberBox)
        self.memberSelfReviewLabel.setObjectName(u"memberSelfReviewLabel")

        self.memberForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberSelfReviewLabel)

        self.memberSelfReviewEdit = QPlainTextEdit(self.memberBox)
        self.memberSelfReviewEdit.setObjectName(u"memberSelfReviewEdit")
        self.memberSelfReviewEdit.setMinimumSize(QSize(0, 30))
        self.memberSelfReviewEdit.setTabChangesFocus(True)

        self.memberForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberSelfReviewEdit)

        self.selfReviewFileLabel = QLabel(self.memberBox)
        self.selfReviewFileLabel.setObjectName(u"selfReviewFileLabel")

        self.memberForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.selfReviewFileLabel)

        self.selfReviewFileName = QLabel(self.memberBox)
        self.selfReviewFileName.setObjectName(u"selfReviewFileName")
        sizePolicy.setHeightForWidth(self.selfReviewFileName.sizePolicy().hasHeightForWidth())
        self.selfReviewFileName.setSizePolicy(sizePolicy)
        self.selfReviewFileName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.memberForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.selfReviewFileName)

        self.selfReviewFileButtons = QHBoxLayout()
        self.selfReviewFileButtons.setSpacing(4)
        self.selfReviewFileButtons.setObjectName(u"selfReviewFileButtons")
        self.selfReviewFileSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selfReviewFileButtons.addItem(self.selfReviewFileSpacer)

        self.attachFileButton = QToolButton(self.memberBox)
        self.attachFileButton.setObjectName(u"attachFileButton")

        self.selfReviewFileButtons.addWidget(self.attachFileButton)

        self.openFileButton = QToolButton(self.memberBox)
        self.openFileButton.setObjectName(u"openFileButton")

        self.selfReviewFileButtons.addWidget(self.openFileButton)

        self.removeFileButton = QToolButton(self.memberBox)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.selfReviewFileButtons.addWidget(self.removeFileButton)


        self.memberForm.setLayout(2, QFormLayout.ItemRole.SpanningRole, self.selfReviewFileButtons)

        self.memberReasonLabel = QLabel(self.memberBox)
        self.memberReasonLabel.setObjectName(u"memberReasonLabel")

        self.memberForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.memberReasonLabel)

        self.memberReasonEdit = QPlainTextEdit(self.memberBox)
        self.memberReasonEdit.setObjectName(u"memberReasonEdit")
        self.memberReasonEdit.setMinimumSize(QSize(0, 30))
        self.memberReasonEdit.setTabChangesFocus(True)

        self.memberForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.memberReasonEdit)

        self.followUpLabel = QLabel(self.memberBox)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.memberForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpCombo = QComboBox(self.memberBox)
        self.followUpCombo.setObjectName(u"followUpCombo")

        self.memberForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.followUpCombo)

        self.followUpDateLabel = QLabel(self.memberBox)
        self.followUpDateLabel.setObjectName(u"followUpDateLabel")

        self.memberForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.followUpDateLabel)

        self.followUpDate = DateField(self.memberBox)
        self.followUpDate.setObjectName(u"followUpDate")

        self.memberForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.followUpDate)


        self.memberScrollLayout.addWidget(self.memberBox)

        self.memberScroll.setWidget(self.memberScrollContents)

        self.sidePanelLayout.addWidget(self.memberScroll)

        self.sidePanelLayout.setStretch(1, 1)
        self.sidePanelLayout.setStretch(2, 3)
        self.gridSplitter.addWidget(self.sidePanel)

        self.evaluationLayout.addWidget(self.gridSplitter)

        self.distributionLabel = QLabel(self.evaluationTab)
        self.distributionLabel.setObjectName(u"distributionLabel")
        self.distributionLabel.setWordWrap(True)

        self.evaluationLayout.addWidget(self.distributionLabel)

        self.evaluationLayout.setStretch(1, 1)
        self.tabs.addTab(self.evaluationTab, "")

        self.pageLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
        self.mobilizeLabel.setBuddy(self.mobilizeDate)
        self.selfReviewLabel.setBuddy(self.selfReviewDate)
        self.pollLabel.setBuddy(self.pollDate)
        self.proposeLabel.setBuddy(self.proposeDate)
        self.decideLabel.setBuddy(self.decideDate)
        self.noticeLabel.setBuddy(self.noticeDate)
        self.noticeUntilLabel.setBuddy(self.noticeUntil)
        self.fileLabel.setBuddy(self.fileDate)
        self.ballotsCastLabel.setBuddy(self.ballotsCastSpin)
        self.notesLabel.setBuddy(self.notesEdit)
        self.shareLabel.setBuddy(self.shareCombo)
        self.memberSelfReviewLabel.setBuddy(self.memberSelfReviewEdit)
        self.selfReviewFileLabel.setBuddy(self.attachFileButton)
        self.memberReasonLabel.setBuddy(self.memberReasonEdit)
        self.followUpLabel.setBuddy(self.followUpCombo)
        self.followUpDateLabel.setBuddy(self.followUpDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearCombo, self.tabs)
        QWidget.setTabOrder(self.tabs, self.stepsToggle)
        QWidget.setTabOrder(self.stepsToggle, self.mobilizeDate)
        QWidget.setTabOrder(self.mobilizeDate, self.mobilizeMeeting)
        QWidget.setTabOrder(self.mobilizeMeeting, self.mobilizeNew)
        QWidget.setTabOrder(self.mobilizeNew, self.selfReviewDate)
        QWidget.setTabOrder(self.selfReviewDate, self.pollDate)
        QWidget.setTabOrder(self.pollDate, self.pollMeeting)
        QWidget.setTabOrder(self.pollMeeting, self.pollNew)
        QWidget.setTabOrder(self.pollNew, self.proposeDate)
        QWidget.setTabOrder(self.proposeDate, self.proposeMeeting)
        QWidget.setTabOrder(self.proposeMeeting, self.proposeNew)
        QWidget.setTabOrder(self.proposeNew, self.decideDate)
        QWidget.setTabOrder(self.decideDate, self.decideMeeting)
        QWidget.setTabOrder(self.decideMeeting, self.decideNew)
        QWidget.setTabOrder(self.decideNew, self.noticeDate)
        QWidget.setTabOrder(self.noticeDate, self.noticeUntil)
        QWidget.setTabOrder(self.noticeUntil, self.fileDate)
        QWidget.setTabOrder(self.fileDate, self.ballotsCastSpin)
        QWidget.setTabOrder(self.ballotsCastSpin, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.ballotEntryButton)
        QWidget.setTabOrder(self.ballotEntryButton, self.clearPapersButton)
        QWidget.setTabOrder(self.clearPapersButton, self.fillButton)
        QWidget.setTabOrder(self.fillButton, self.shareCombo)
        QWidget.setTabOrder(self.shareCombo, self.gridView)
        QWidget.setTabOrder(self.gridView, self.warningsList)
        QWidget.setTabOrder(self.warningsList, self.explainButton)
        QWidget.setTabOrder(self.explainButton, self.memberSelfReviewEdit)
        QWidget.setTabOrder(self.memberSelfReviewEdit, self.attachFileButton)
        QWidget.setTabOrder(self.attachFileButton, self.openFileButton)
        QWidget.setTabOrder(self.openFileButton, self.removeFileButton)
        QWidget.setTabOrder(self.removeFileButton, self.memberReasonEdit)
        QWidget.setTabOrder(self.memberReasonEdit, self.followUpCombo)
        QWidget.setTabOrder(self.followUpCombo, self.followUpDate)
        QWidget.setTabOrder(self.followUpDate, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.documentsButton)
        QWidget.setTabOrder(self.documentsButton, self.exportSheetButton)
        QWidget.setTabOrder(self.exportSheetButton, self.importSheetButton)

        self.retranslateUi(EvaluationPage)

        QMetaObject.connectSlotsByName(EvaluationPage)
    # setupUi

    def retranslateUi(self, EvaluationPage):
        EvaluationPage.setWindowTitle(QCoreApplication.translate("EvaluationPage", u"\u6c11\u4e3b\u8bc4\u8bae", None))
        self.yearLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u5e74\u5ea6(&Y)", None))
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u8981\u67e5\u770b\u6216\u586b\u5199\u7684\u5e74\u5ea6\uff08Alt+Y\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText("")
        self.saveButton.setText(QCoreApplication.translate("EvaluationPage", u"\u4fdd\u5b58", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u4fdd\u5b58\u6b63\u5728\u663e\u793a\u7684\u6c11\u4e3b\u8bc4\u8bae\u6216\u6ee1\u610f\u5ea6\u6d4b\u8bc4\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.documentsButton.setText(QCoreApplication.translate("EvaluationPage", u"\u751f\u6210\u6587\u4e66", None))
#if QT_CONFIG(tooltip)
        self.documentsButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u628a\u672c\u5e74\u5ea6\u7684\u6d4b\u8bc4\u7968\u3001\u7edf\u8ba1\u8868\u3001\u516c\u793a\u7b49\u751f\u6210 Word \u548c PDF \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.exportSheetButton.setText(QCoreApplication.translate("EvaluationPage", u"\u5bfc\u51fa Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportSheetButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u628a\u6d4b\u8bc4\u7edf\u8ba1\u8868\u5bfc\u51fa\u4e3a Excel \u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.importSheetButton.setText(QCoreApplication.translate("EvaluationPage", u"\u4ece Excel \u5bfc\u5165\u2026", None))
#if QT_CONFIG(tooltip)
        self.importSheetButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u4ece Excel \u7edf\u8ba1\u8868\u8bfb\u5165\u5404\u4eba\u7684\u7968\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.stepsToggle.setText(QCoreApplication.translate("EvaluationPage", u"\u8bc4\u8bae\u6b65\u9aa4(&J)", None))
#if QT_CONFIG(tooltip)
        self.stepsToggle.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u5c55\u5f00\u6216\u6536\u8d77\u8bc4\u8bae\u6b65\u9aa4\uff08Alt+J\uff09\uff1b\u6536\u8d77\u65f6\u8fd9\u4e00\u884c\u5217\u51fa\u5404\u6b65\u9aa4\u7684\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.stepsBody.setTitle("")
#if QT_CONFIG(accessibility)
        self.stepsBody.setAccessibleName(QCoreApplication.translate("EvaluationPage", u"\u8bc4\u8bae\u6b65\u9aa4", None))
#endif // QT_CONFIG(accessibility)
        self.mobilizeLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u5b66\u4e60\u52a8\u5458", None))
        self.mobilizeDate.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.mobilizeMeeting.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u9009\u62e9\u4e3e\u884c\u8fd9\u4e00\u6b65\u7684\u4f1a\u8bae\uff1b\u65e5\u671f\u53d6\u81ea\u6240\u9009\u4f1a\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.mobilizeNew.setText(QCoreApplication.translate("EvaluationPage", u"\u65b0\u5efa\u2026", None))
#if QT_CONFIG(tooltip)
        self.mobilizeNew.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u672c\u5e74\u5ea6\u8fd8\u6ca1\u6709\u8fd9\u6b21\u4f1a\u8bae\u7684\u8bb0\u5f55\u65f6\uff1a\u65b0\u5efa\u4e00\u6b21\u52a8\u5458\u4f1a\uff0c\u4fdd\u5b58\u540e\u81ea\u52a8\u5173\u8054\u5230\u8fd9\u4e00\u6b65", None))
#endif // QT_CONFIG(tooltip)
        self.selfReviewLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u4e2a\u4eba\u81ea\u8bc4", None))
        self.selfReviewDate.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.selfReviewDate.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u515a\u5458\u64b0\u5199\u4e2a\u4eba\u603b\u7ed3\u3001\u5bf9\u7167\u68c0\u67e5\u7684\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.selfReviewHint.setText(QCoreApplication.translate("EvaluationPage", u"\u6bcf\u4eba\u7684\u81ea\u8bc4\u5728\u201c\u6240\u9009\u515a\u5458\u201d\u4e2d\u586b\u5199", None))
#if QT_CONFIG(tooltip)
        self.selfReviewHint.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u5728\u8868\u683c\u4e2d\u9009\u4e2d\u4e00\u540d\u515a\u5458\uff0c\u5728\u53f3\u4e0b\u65b9\u201c\u6240\u9009\u515a\u5458\u201d\u4e2d\u586b\u5199\u5176\u81ea\u8bc4\u6216\u9644\u4e0a\u81ea\u8bc4\u6750\u6599", None))
#endif // QT_CONFIG(tooltip)
        self.pollLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u6c11\u4e3b\u6d4b\u8bc4(&T)", None))
        self.pollDate.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.pollMeeting.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u9009\u62e9\u4e3e\u884c\u8fd9\u4e00\u6b65\u7684\u4f1a\u8bae\uff1b\u65e5\u671f\u53d6\u81ea\u6240\u9009\u4f1a\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.pollNew.setText(QCoreApplication.translate("EvaluationPage", u"\u65b0\u5efa\u2026", None))
#if QT_CONFIG(tooltip)
        self.pollNew.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u672c\u5e74\u5ea6\u8fd8\u6ca1\u6709\u8fd9\u6b21\u4f1a\u8bae\u7684\u8bb0\u5f55\u65f6\uff1a\u65b0\u5efa\u4e00\u6b21\u7ec4\u7ec7\u751f\u6d3b\u4f1a\uff0c\u4fdd\u5b58\u540e\u81ea\u52a8\u5173\u8054\u5230\u8fd9\u4e00\u6b65", None))
#endif // QT_CONFIG(tooltip)
        self.proposeLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u652f\u59d4\u4f1a\u63d0\u51fa\u7b49\u6b21", None))
        self.proposeDate.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.proposeMeeting.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u9009\u62e9\u4e3e\u884c\u8fd9\u4e00\u6b65\u7684\u4f1a\u8bae\uff1b\u65e5\u671f\u53d6\u81ea\u6240\u9009\u4f1a\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.proposeNew.setText(QCoreApplication.translate("EvaluationPage", u"\u65b0\u5efa\u2026", None))
#if QT_CONFIG(tooltip)
        self.proposeNew.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u672c\u5e74\u5ea6\u8fd8\u6ca1\u6709\u8fd9\u6b21\u4f1a\u8bae\u7684\u8bb0\u5f55\u65f6\uff1a\u65b0\u5efa\u4e00\u6b21\u652f\u59d4\u4f1a\uff0c\u4fdd\u5b58\u540e\u81ea\u52a8\u5173\u8054\u5230\u8fd9\u4e00\u6b65", None))
#endif // QT_CONFIG(tooltip)
        self.decideLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u515a\u5458\u5927\u4f1a\u51b3\u5b9a", None))
        self.decideDate.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.decideMeeting.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u9009\u62e9\u4e3e\u884c\u8fd9\u4e00\u6b65\u7684\u4f1a\u8bae\uff1b\u65e5\u671f\u53d6\u81ea\u6240\u9009\u4f1a\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.decideNew.setText(QCoreApplication.translate("EvaluationPage", u"\u65b0\u5efa\u2026", None))
#if QT_CONFIG(tooltip)
        self.decideNew.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u672c\u5e74\u5ea6\u8fd8\u6ca1\u6709\u8fd9\u6b21\u4f1a\u8bae\u7684\u8bb0\u5f55\u65f6\uff1a\u65b0\u5efa\u4e00\u6b21\u652f\u90e8\u515a\u5458\u5927\u4f1a\uff0c\u4fdd\u5b58\u540e\u81ea\u52a8\u5173\u8054\u5230\u8fd9\u4e00\u6b65", None))
#endif // QT_CONFIG(tooltip)
        self.noticeLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u516c\u793a", None))
        self.noticeDate.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.noticeDate.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u516c\u793a\u5f00\u59cb\u7684\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.noticeUntilLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u81f3", None))
        self.noticeUntil.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
#if QT_CONFIG(tooltip)
        self.noticeUntil.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u516c\u793a\u7ed3\u675f\u7684\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.fileLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u4e0a\u62a5\u5f52\u6863", None))
        self.fileDate.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672a\u586b", None))
        self.ballotsCastLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u6295\u7968\u4eba\u6570(&V)", None))
        self.ballotsCastSpin.setSuffix(QCoreApplication.translate("EvaluationPage", u" \u4eba", None))
#if QT_CONFIG(tooltip)
        self.ballotsCastSpin.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u4ea4\u56de\u6d4b\u8bc4\u7968\u7684\u4eba\u6570\uff1a\u9009\u4e86\u6d4b\u8bc4\u4f1a\u8bae\u65f6\u53d6\u81ea\u4f1a\u8bae\u7684\u5b9e\u5230\u4eba\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.ballotsCastHint.setText("")
        self.notesLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u5907\u6ce8(&N)", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u672c\u5e74\u5ea6\u8bc4\u8bae\u7684\u60c5\u51b5\u8bf4\u660e\uff1a\u53c2\u8bc4\u548c\u5230\u4f1a\u4eba\u6570\u3001\u6d4b\u8bc4\u548c\u8868\u51b3\u7ecf\u8fc7\u3001\u516c\u793a\u7ed3\u679c\u3001\u6750\u6599\u62a5\u9001\u7b49\uff08\u968f\u8bb0\u5f55\u4fdd\u5b58\uff0c\u53ef\u641c\u7d22\uff09", None))
#if QT_CONFIG(tooltip)
        self.notesEdit.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u672c\u5e74\u5ea6\u6c11\u4e3b\u8bc4\u8bae\u7684\u60c5\u51b5\u8bf4\u660e\uff08Alt+N\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.ballotEntryButton.setText(QCoreApplication.translate("EvaluationPage", u"\u9010\u5f20\u5f55\u5165\u9009\u7968\u2026(&B)", None))
#if QT_CONFIG(tooltip)
        self.ballotEntryButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u628a\u6536\u56de\u7684\u6d4b\u8bc4\u7968\u4e00\u5f20\u4e00\u5f20\u5f55\u5165\uff0c\u6309\u952e\u5373\u586b\uff0c\u7968\u6570\u81ea\u52a8\u7edf\u8ba1\uff08Alt+B\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.clearPapersButton.setText(QCoreApplication.translate("EvaluationPage", u"\u6e05\u9664\u9009\u7968\uff0c\u6539\u586b\u7968\u6570", None))
#if QT_CONFIG(tooltip)
        self.clearPapersButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u5220\u9664\u9010\u5f20\u5f55\u5165\u7684\u9009\u7968\uff0c\u56de\u5230\u76f4\u63a5\u586b\u5199\u5404\u4eba\u7684\u7968\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.fillButton.setText(QCoreApplication.translate("EvaluationPage", u"\u586b\u5165\u7b49\u6b21", None))
#if QT_CONFIG(tooltip)
        self.fillButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u6309\u6d4b\u8bc4\u7ed3\u679c\u586b\u5165\u652f\u59d4\u4f1a\u5efa\u8bae\uff0c\u6216\u6309\u652f\u59d4\u4f1a\u5efa\u8bae\u586b\u5165\u6700\u7ec8\u7b49\u6b21\uff08\u53ea\u586b\u7a7a\u7740\u7684\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.papersLabel.setText("")
#if QT_CONFIG(tooltip)
        self.papersLabel.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u5404\u4eba\u7684\u7968\u6570\u7531\u9010\u5f20\u5f55\u5165\u7684\u9009\u7968\u7edf\u8ba1\uff0c\u4e0d\u80fd\u76f4\u63a5\u4fee\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.shareLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u4f18\u79c0\u6bd4\u4f8b(&X)", None))
#if QT_CONFIG(tooltip)
        self.shareCombo.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u8bc4\u4e3a\u4f18\u79c0\u7684\u4eba\u6570\u6700\u591a\u5360\u53c2\u8bc4\u4eba\u6570\u7684\u6bd4\u4f8b\uff08Alt+X\uff09\uff1b\u8d85\u8fc7\u65f6\u8981\u8bf4\u660e\u7406\u7531", None))
#endif // QT_CONFIG(tooltip)
        self.checksLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u68c0\u67e5\u7ed3\u679c", None))
        self.explainButton.setText(QCoreApplication.translate("EvaluationPage", u"\u8bf4\u660e\u7406\u7531\u2026(&R)", None))
#if QT_CONFIG(tooltip)
        self.explainButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u4e3a\u9009\u4e2d\u7684\u63d0\u9192\u5199\u660e\u4e3a\u4f55\u4ecd\u6309\u6b64\u529e\u7406\uff0c\u968f\u8bb0\u5f55\u4fdd\u5b58\uff08Alt+R\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.warningsList.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u7ea2\u8272\u7684\u95ee\u9898\u8981\u5148\u6539\u6b63\u624d\u80fd\u4fdd\u5b58\uff1b\u6a59\u8272\u7684\u63d0\u9192\u53ef\u4ee5\u6539\u6b63\uff0c\u6216\u8bf4\u660e\u7406\u7531\u540e\u4fdd\u5b58", None))
#endif // QT_CONFIG(tooltip)
        self.memberBox.setTitle(QCoreApplication.translate("EvaluationPage", u"\u6240\u9009\u515a\u5458", None))
        self.memberSelfReviewLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u81ea\u8bc4(&E)", None))
        self.memberSelfReviewEdit.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u4e2a\u4eba\u603b\u7ed3\u3001\u5bf9\u7167\u68c0\u67e5\u7684\u8981\u70b9", None))
#if QT_CONFIG(tooltip)
        self.memberSelfReviewEdit.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u8be5\u515a\u5458\u7684\u4e2a\u4eba\u81ea\u8bc4\uff08Alt+E\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.selfReviewFileLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u6750\u6599(&F)", None))
        self.selfReviewFileName.setText("")
        self.attachFileButton.setText(QCoreApplication.translate("EvaluationPage", u"\u9644\u52a0\u2026", None))
#if QT_CONFIG(tooltip)
        self.attachFileButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u9644\u4e0a\u8be5\u515a\u5458\u4ea4\u6765\u7684\u4e2a\u4eba\u603b\u7ed3\u3001\u5bf9\u7167\u68c0\u67e5\u6750\u6599\uff08Word\u3001PDF\u3001\u626b\u63cf\u4ef6\uff1bAlt+F\uff09\uff0c\u4fdd\u5b58\u65f6\u5b58\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.openFileButton.setText(QCoreApplication.translate("EvaluationPage", u"\u6253\u5f00", None))
#if QT_CONFIG(tooltip)
        self.openFileButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u7528\u672c\u673a\u7684\u7a0b\u5e8f\u6253\u5f00\u6240\u9644\u6750\u6599", None))
#endif // QT_CONFIG(tooltip)
        self.removeFileButton.setText(QCoreApplication.translate("EvaluationPage", u"\u79fb\u9664", None))
#if QT_CONFIG(tooltip)
        self.removeFileButton.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u4e0d\u518d\u9644\u8fd9\u4efd\u6750\u6599\uff08\u4fdd\u5b58\u540e\u751f\u6548\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.memberReasonLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u7406\u7531(&L)", None))
        self.memberReasonEdit.setPlaceholderText(QCoreApplication.translate("EvaluationPage", u"\u57fa\u672c\u5408\u683c\u3001\u4e0d\u5408\u683c\u5fc5\u586b\uff1a\u7406\u7531\u548c\u5904\u7406\u610f\u89c1", None))
#if QT_CONFIG(tooltip)
        self.memberReasonEdit.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u8bc4\u5b9a\u7b49\u6b21\u7684\u7406\u7531\u548c\u5904\u7406\u610f\u89c1\uff08Alt+L\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.followUpLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u5904\u7406", None))
#if QT_CONFIG(tooltip)
        self.followUpCombo.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u8bc4\u4e3a\u57fa\u672c\u5408\u683c\u3001\u4e0d\u5408\u683c\u65f6\u7684\u5904\u7406", None))
#endif // QT_CONFIG(tooltip)
        self.followUpDateLabel.setText(QCoreApplication.translate("EvaluationPage", u"\u671f\u9650", None))
#if QT_CONFIG(tooltip)
        self.followUpDate.setToolTip(QCoreApplication.translate("EvaluationPage", u"\u6574\u6539\u7684\u671f\u9650\uff08\u9650\u671f\u6539\u6b63\u65f6\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.distributionLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.evaluationTab), QCoreApplication.translate("EvaluationPage", u"\u6c11\u4e3b\u8bc4\u8bae\u515a\u5458", None))
    # retranslateUi

