# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handling_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QWidget)
class Ui_HandlingDialog(object):
    def setupUi(self, HandlingDialog):
        if not HandlingDialog.objectName():
            HandlingDialog.setObjectName(u"HandlingDialog")
        HandlingDialog.resize(720, 580)
        self.grid = QGridLayout(HandlingDialog)
        self.grid.setObjectName(u"grid")
        self.summary = QLabel(HandlingDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.grid.addWidget(self.summary, 0, 1, 1, 1)

        self.label_1 = QLabel(HandlingDialog)
        self.label_1.setObjectName(u"label_1")
        self.label_1.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_1, 1, 0, 1, 1)

        self.decision_row = QHBoxLayout()
        self.decision_row.setObjectName(u"decision_row")
        self.decision = QComboBox(HandlingDialog)
        self.decision.setObjectName(u"decision")

        self.decision_row.addWidget(self.decision)

        self.decided_label = QLabel(HandlingDialog)
        self.decided_label.setObjectName(u"decided_label")
        self.decided_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.decision_row.addWidget(self.decided_label)

        self.decided_at = QDateTimeEdit(HandlingDialog)
        self.decided_at.setObjectName(u"decided_at")
        self.decided_at.setCalendarPopup(True)

        self.decision_row.addWidget(self.decided_at)

        self.acceptance_hint = QLabel(HandlingDialog)
        self.acceptance_hint.setObjectName(u"acceptance_hint")

        self.decision_row.addWidget(self.acceptance_hint)

        self.decision_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decision_row.addItem(self.decision_row_spacer)


        self.grid.addLayout(self.decision_row, 1, 1, 1, 1)

        self.decision_row_errors = QHBoxLayout()
        self.decision_row_errors.setObjectName(u"decision_row_errors")
        self.decision_error = QLabel(HandlingDialog)
        self.decision_error.setObjectName(u"decision_error")
        self.decision_error.setStyleSheet(u"color: #c62828;")
        self.decision_error.setWordWrap(True)

        self.decision_row_errors.addWidget(self.decision_error)

        self.decided_at_error = QLabel(HandlingDialog)
        self.decided_at_error.setObjectName(u"decided_at_error")
        self.decided_at_error.setStyleSheet(u"color: #c62828;")
        self.decided_at_error.setWordWrap(True)

        self.decision_row_errors.addWidget(self.decided_at_error)

        self.decision_row_errors.setStretch(0, 1)
        self.decision_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.decision_row_errors, 2, 1, 1, 1)

        self.label_2 = QLabel(HandlingDialog)
        self.label_2.setObjectName(u"label_2")
        self.label_2.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_2, 4, 0, 1, 1)

        self.decision_reason = QPlainTextEdit(HandlingDialog)
        self.decision_reason.setObjectName(u"decision_reason")
        self.decision_reason.setTabChangesFocus(True)
        self.decision_reason.setMaximumSize(QSize(16777215, 60))

        self.grid.addWidget(self.decision_reason, 4, 1, 1, 1)

        self.decision_reason_error = QLabel(HandlingDialog)
        self.decision_reason_error.setObjectName(u"decision_reason_error")
        self.decision_reason_error.setStyleSheet(u"color: #c62828;")
        self.decision_reason_error.setWordWrap(True)

        self.grid.addWidget(self.decision_reason_error, 5, 1, 1, 1)

        self.label_3 = QLabel(HandlingDialog)
        self.label_3.setObjectName(u"label_3")
        self.label_3.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_3, 6, 0, 1, 1)

        self.referral_row = QHBoxLayout()
        self.referral_row.setObjectName(u"referral_row")
        self.referred_to = QComboBox(HandlingDialog)
        self.referred_to.setObjectName(u"referred_to")
        self.referred_to.setEditable(True)
        self.referred_to.setMinimumSize(QSize(200, 0))

        self.referral_row.addWidget(self.referred_to)

        self.referral_due_label = QLabel(HandlingDialog)
        self.referral_due_label.setObjectName(u"referral_due_label")
        self.referral_due_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.referral_row.addWidget(self.referral_due_label)

        self.referral_due = QDateEdit(HandlingDialog)
        self.referral_due.setObjectName(u"referral_due")
        self.referral_due.setCalendarPopup(True)

        self.referral_row.addWidget(self.referral_due)

        self.referral_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.referral_row.addItem(self.referral_row_spacer)


        self.grid.addLayout(self.referral_row, 6, 1, 1, 1)

        self.referral_row_errors = QHBoxLayout()
        self.referral_row_errors.setObjectName(u"referral_row_errors")
        self.referred_to_error = QLabel(HandlingDialog)
        self.referred_to_error.setObjectName(u"referred_to_error")
        self.referred_to_error.setStyleSheet(u"color: #c62828;")
        self.referred_to_error.setWordWrap(True)

        self.referral_row_errors.addWidget(self.referred_to_error)

        self.referral_due_error = QLabel(HandlingDialog)
        self.referral_due_error.setObjectName(u"referral_due_error")
        self.referral_due_error.setStyleSheet(u"color: #c62828;")
        self.referral_due_error.setWordWrap(True)

        self.referral_row_errors.addWidget(self.referral_due_error)

        self.referral_row_errors.setStretch(0, 1)
        self.referral_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.referral_row_errors, 7, 1, 1, 1)

        self.label_4 = QLabel(HandlingDialog)
        self.label_4.setObjectName(u"label_4")
        self.label_4.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_4, 9, 0, 1, 1)

        self.deadline_row = QHBoxLayout()
        self.deadline_row.setObjectName(u"deadline_row")
        self.deadline_typed = QCheckBox(HandlingDialog)
        self.deadline_typed.setObjectName(u"deadline_typed")

        self.deadline_row.addWidget(self.deadline_typed)

        self.deadline = QDateEdit(HandlingDialog)
        self.deadline.setObjectName(u"deadline")
        self.deadline.setCalendarPopup(True)

        self.deadline_row.addWidget(self.deadline)

        self.deadline_hint = QLabel(HandlingDialog)
        self.deadline_hint.setObjectName(u"deadline_hint")

        self.deadline_row.addWidget(self.deadline_hint)

        self.deadline_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deadline_row.addItem(self.deadline_row_spacer)


        self.grid.addLayout(self.deadline_row, 9, 1, 1, 1)

        self.deadline_error = QLabel(HandlingDialog)
        self.deadline_error.setObjectName(u"deadline_error")
        self.deadline_error.setStyleSheet(u"color: #c62828;")
        self.deadline_error.setWordWrap(True)

        self.grid.addWidget(self.deadline_error, 10, 1, 1, 1)

        self.label_5 = QLabel(HandlingDialog)
        self.label_5.setObjectName(u"label_5")
        self.label_5.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_5, 11, 0, 1, 1)

        self.reply = QPlainTextEdit(HandlingDialog)
        self.reply.setObjectName(u"reply")
        self.reply.setTabChangesFocus(True)

        self.grid.addWidget(self.reply, 11, 1, 1, 1)

        self.reply_error = QLabel(HandlingDialog)
        self.reply_error.setObjectName(u"reply_error")
        self.reply_error.setStyleSheet(u"color: #c62828;")
        self.reply_error.setWordWrap(True)

        self.grid.addWidget(self.reply_error, 12, 1, 1, 1)

        self.label_6 = QLabel(HandlingDialog)
        self.label_6.setObjectName(u"label_6")
        self.label_6.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_6, 13, 0, 1, 1)

        self.result = QPlainTextEdit(HandlingDialog)
        self.result.setObjectName(u"result")
        self.result.setTabChangesFocus(True)
        self.result.setMaximumSize(QSize(16777215, 60))

        self.grid.addWidget(self.result, 13, 1, 1, 1)

        self.result_error = QLabel(HandlingDialog)
        self.result_error.setObjectName(u"result_error")
        self.result_error.setStyleSheet(u"color: #c62828;")
        self.result_error.setWordWrap(True)

        self.grid.addWidget(self.result_error, 14, 1, 1, 1)

        self.label_7 = QLabel(HandlingDialog)
        self.label_7.setObjectName(u"label_7")
        self.label_7.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_7, 15, 0, 1, 1)

        self.replied_row = QHBoxLayout()
        self.replied_row.setObjectName(u"replied_row")
        self.replied = QCheckBox(HandlingDialog)
        self.replied.setObjectName(u"replied")

        self.replied_row.addWidget(self.replied)

        self.replied_at = QDateTimeEdit(HandlingDialog)
        self.replied_at.setObjectName(u"replied_at")
        self.replied_at.setCalendarPopup(True)

        self.replied_row.addWidget(self.replied_at)

        self.satisfaction_label = QLabel(HandlingDialog)
        self.satisfaction_label.setObjectName(u"satisfaction_label")
        self.satisfaction_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.replied_row.addWidget(self.satisfaction_label)

        self.satisfaction = QComboBox(HandlingDialog)
        self.satisfaction.setObjectName(u"satisfaction")

        self.replied_row.addWidget(self.satisfaction)

        self.replied_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.replied_row.addItem(self.replied_row_spacer)


        self.grid.addLayout(self.replied_row, 15, 1, 1, 1)

        self.replied_row_errors = QHBoxLayout()
        self.replied_row_errors.setObjectName(u"replied_row_errors")
        self.replied_at_error = QLabel(HandlingDialog)
        self.replied_at_error.setObjectName(u"replied_at_error")
        self.replied_at_error.setStyleSheet(u"color: #c62828;")
        self.replied_at_error.setWordWrap(True)

        self.replied_row_errors.addWidget(self.replied_at_error)

        self.satisfaction_error = QLabel(HandlingDialog)
        self.satisfaction_error.setObjectName(u"satisfaction_error")
        self.satisfaction_error.setStyleSheet(u"color: #c62828;")
        self.satisfaction_error.setWordWrap(True)

        self.replied_row_errors.addWidget(self.satisfaction_error)

        self.replied_row_errors.setStretch(0, 1)
        self.replied_row_errors.setStretch(1, 1)

        self.grid.addLayout(self.replied_row_errors, 16, 1, 1, 1)

        self.label_8 = QLabel(HandlingDialog)
        self.label_8.setObjectName(u"label_8")
        self.label_8.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_8, 18, 0, 1, 1)

        self.follow_row = QHBoxLayout()
        self.follow_row.setObjectName(u"follow_row")
        self.followed = QCheckBox(HandlingDialog)
        self.followed.setObjectName(u"followed")

        self.follow_row.addWidget(self.followed)

        self.followed_up_at = QDateTimeEdit(HandlingDialog)
        self.followed_up_at.setObjectName(u"followed_up_at")
        self.followed_up_at.setCalendarPopup(True)

        self.follow_row.addWidget(self.followed_up_at)

        self.follow_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.follow_row.addItem(self.follow_row_spacer)


        self.grid.addLayout(self.follow_row, 18, 1, 1, 1)

        self.followed_up_at_error = QLabel(HandlingDialog)
        self.followed_up_at_error.setObjectName(u"followed_up_at_error")
        self.followed_up_at_error.setStyleSheet(u"color: #c62828;")
        self.followed_up_at_error.setWordWrap(True)

        self.grid.addWidget(self.followed_up_at_error, 19, 1, 1, 1)

        self.label_9 = QLabel(HandlingDialog)
        self.label_9.setObjectName(u"label_9")
        self.label_9.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_9, 20, 0, 1, 1)

        self.follow_up_note = QLineEdit(HandlingDialog)
        self.follow_up_note.setObjectName(u"follow_up_note")

        self.grid.addWidget(self.follow_up_note, 20, 1, 1, 1)

        self.follow_up_note_error = QLabel(HandlingDialog)
        self.follow_up_note_error.setObjectName(u"follow_up_note_error")
        self.follow_up_note_error.setStyleSheet(u"color: #c62828;")
        self.follow_up_note_error.setWordWrap(True)

        self.grid.addWidget(self.follow_up_note_error, 21, 1, 1, 1)

        self.button_box = QDialogButtonBox(HandlingDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Save|QDialogButtonBox.Cancel)

        self.grid.addWidget(self.button_box, 22, 0, 1, 2)

        QWidget.setTabOrder(self.decision, self.decided_at)
        QWidget.setTabOrder(self.decided_at, self.decision_reason)
        QWidget.setTabOrder(self.decision_reason, self.referred_to)
        QWidget.setTabOrder(self.referred_to, self.referral_due)
        QWidget.setTabOrder(self.referral_due, self.deadline_typed)
        QWidget.setTabOrder(self.deadline_typed, self.deadline)
        QWidget.setTabOrder(self.deadline, self.reply)
        QWidget.setTabOrder(self.reply, self.result)
        QWidget.setTabOrder(self.result, self.replied)
        QWidget.setTabOrder(self.replied, self.replied_at)
        QWidget.setTabOrder(self.replied_at, self.satisfaction)
        QWidget.setTabOrder(self.satisfaction, self.followed)
        QWidget.setTabOrder(self.followed, self.followed_up_at)
        QWidget.setTabOrder(self.followed_up_at, self.follow_up_note)
        QWidget.setTabOrder(self.follow_up_note, self.button_box)

        self.retranslateUi(HandlingDialog)

        QMetaObject.connectSlotsByName(HandlingDialog)
    # setupUi

    def retranslateUi(self, HandlingDialog):
        HandlingDialog.setWindowTitle(QCoreApplication.translate("HandlingDialog", u"\u529e\u7406\u6765\u8bbf\u4e8b\u9879", None))
        self.label_1.setText(QCoreApplication.translate("HandlingDialog", u"\u53d7\u7406\u51b3\u5b9a", None))
        self.decided_label.setText(QCoreApplication.translate("HandlingDialog", u"\u544a\u77e5\u65f6\u95f4", None))
        self.decided_at.setDisplayFormat(QCoreApplication.translate("HandlingDialog", u"yyyy-MM-dd HH:mm", None))
        self.acceptance_hint.setStyleSheet(QCoreApplication.translate("HandlingDialog", u"color: #546e7a;", None))
        self.label_2.setText(QCoreApplication.translate("HandlingDialog", u"\u7406\u7531", None))
        self.decision_reason.setPlaceholderText(QCoreApplication.translate("HandlingDialog", u"\u4e0d\u4e88\u53d7\u7406\u987b\u5199\u660e\u7406\u7531\uff08\u4f9d\u636e\u7684\u89c4\u5b9a\u3001\u5e94\u5f53\u5411\u54ea\u4e2a\u673a\u5173\u63d0\u51fa\uff09", None))
        self.label_3.setText(QCoreApplication.translate("HandlingDialog", u"\u8f6c\u529e\u7ed9", None))
        self.referral_due_label.setText(QCoreApplication.translate("HandlingDialog", u"\u8f6c\u529e\u65f6\u9650", None))
        self.referral_due.setDisplayFormat(QCoreApplication.translate("HandlingDialog", u"yyyy-MM-dd", None))
        self.label_4.setText(QCoreApplication.translate("HandlingDialog", u"\u529e\u7406\u65f6\u9650", None))
        self.deadline_typed.setText(QCoreApplication.translate("HandlingDialog", u"\u624b\u52a8\u8bbe\u5b9a", None))
        self.deadline.setDisplayFormat(QCoreApplication.translate("HandlingDialog", u"yyyy-MM-dd", None))
        self.deadline_hint.setStyleSheet(QCoreApplication.translate("HandlingDialog", u"color: #546e7a;", None))
        self.label_5.setText(QCoreApplication.translate("HandlingDialog", u"\u7b54\u590d\u610f\u89c1", None))
        self.reply.setPlaceholderText(QCoreApplication.translate("HandlingDialog", u"\u7b54\u590d\u6765\u8bbf\u4eba\u7684\u5185\u5bb9", None))
        self.label_6.setText(QCoreApplication.translate("HandlingDialog", u"\u529e\u7406\u7ed3\u679c", None))
        self.label_7.setText(QCoreApplication.translate("HandlingDialog", u"\u7b54\u590d", None))
        self.replied.setText(QCoreApplication.translate("HandlingDialog", u"\u5df2\u7b54\u590d\u6765\u8bbf\u4eba", None))
        self.replied_at.setDisplayFormat(QCoreApplication.translate("HandlingDialog", u"yyyy-MM-dd HH:mm", None))
        self.satisfaction_label.setText(QCoreApplication.translate("HandlingDialog", u"\u6ee1\u610f\u5ea6", None))
        self.label_8.setText(QCoreApplication.translate("HandlingDialog", u"\u56de\u8bbf", None))
        self.followed.setText(QCoreApplication.translate("HandlingDialog", u"\u5df2\u56de\u8bbf", None))
        self.followed_up_at.setDisplayFormat(QCoreApplication.translate("HandlingDialog", u"yyyy-MM-dd HH:mm", None))
        self.label_9.setText(QCoreApplication.translate("HandlingDialog", u"\u56de\u8bbf\u60c5\u51b5", None))
    # retranslateUi

